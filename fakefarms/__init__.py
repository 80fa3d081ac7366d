"""Fake Farms: the explainer site. `fakefarms.web.app.create_app` builds the Flask application;
importing the package itself starts nothing."""
