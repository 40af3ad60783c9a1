"""One small module per CLI command: parse what ``cli.py`` gives, delegate, print."""
