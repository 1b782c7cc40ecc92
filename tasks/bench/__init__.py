"""The executable ArkTS benchmark: task records, the evaluation prompt, and pass@k of a model."""
