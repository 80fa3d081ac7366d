"""The build: freezing the app into files, guarded and atomic (publish, freezing), published
addresses and redirects, the web servers' configurations, the live preview and the command
line. It imports everything else; nothing imports it."""
