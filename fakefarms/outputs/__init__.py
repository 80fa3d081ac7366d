"""The outputs drawn from the typed content, with no web code: the palette, the charts (one
spec each, drawn by Plotly and as SVG), the link-preview cards, the open data and the
editors' Markdown. They import the content and records, never the web app or the build."""
