"""The ML/AI PM skills generator: YAML content → a validated model → a static site with a
self-assessment, plus terminal commands. See the README's "Architecture" section:
``content`` (reading and checking), ``assessment`` (scoring, results, reports),
``site`` (pages, navigation, engines, atomic build) and thin ``commands``.
"""
