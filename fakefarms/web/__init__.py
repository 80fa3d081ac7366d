"""The web app: the Flask application, its views, the page data worked out before a template
runs, the templates' helpers, the languages, assets and security headers. It imports the
content and the outputs, never the build."""
