"""Development tools: host and origin safety (a page on another site cannot drive the server) and live reload."""
