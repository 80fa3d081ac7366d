"""Fake Farms: the explainer site. `fakefarms.app.create_app` builds the Flask application;
importing the package itself starts nothing."""
