# The two commands of the README. Both set up what they need first (idempotent).
.PHONY: setup synth test

setup:
	@bash scripts/setup.sh

synth: setup
	.venv/bin/apisynth kg build
	.venv/bin/apisynth kg stats

test: setup
	.venv/bin/python -m pytest -q
