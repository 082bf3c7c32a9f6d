"""The command line: the parser and one module per subcommand. Textual only for the app."""
