"""The changed-cells writer: the only place that uses Textual's and Rich's private names."""
