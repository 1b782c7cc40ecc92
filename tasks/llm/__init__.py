"""Model calls through LiteLLM: the client, its response cache and the in-process local provider."""
