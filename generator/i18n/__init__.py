"""Translations: which texts of the content a language must translate, and how far each
language has got (missing, stale, orphaned, placeholder mismatches). See docs/translating.md."""
