# The two commands of the README. Both set up what they need first (idempotent).
.PHONY: setup synth test

setup:
	@bash scripts/setup.sh

# The synth flow end to end on the embedded defaults (flows/params.py: SynthParams);
# `make synth PARAMS=params.json` runs it on a JSON file of parameters instead.
synth: setup
	.venv/bin/apisynth synth $(if $(PARAMS),--config $(PARAMS))

test: setup
	.venv/bin/python -m pytest -q
