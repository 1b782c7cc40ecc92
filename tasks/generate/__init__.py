"""Synthesis of instruction-tuning samples: questions, grounded code, verification,
deduplication, export, and the OSS-Instruct baseline."""
