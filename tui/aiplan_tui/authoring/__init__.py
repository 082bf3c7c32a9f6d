"""Authoring: making packs: rule-based, offline and explainable suggestions of the highlights
(quotations, figures, dated events) and the new entities an article brought in by
`aiplan-tui add` may need, for an editor to review. No models, no downloads, no Textual."""
