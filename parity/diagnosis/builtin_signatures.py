"""The documented signatures of torch's functions that keep none of their own (conv2d, softplus, bilinear, scaled
dot-product attention) or only (*args, **kwargs) (max_pool2d): what the kit binds a port's call to before it calls
the function again with one argument changed."""

from __future__ import annotations

import torch


def _convolution(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1): ...  # noqa: A002, E704


def _linear(input, weight, bias=None): ...  # noqa: A002, E704


def _max_pool(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False): ...  # noqa: A002, E704


def _avg_pool(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None): ...  # noqa: A002, E501, E704


def _bilinear(input1, input2, weight, bias=None): ...  # noqa: E704


def _adaptive(input, output_size): ...  # noqa: A002, E704


def _adaptive_max(input, output_size, return_indices=False): ...  # noqa: A002, E704


def _unary(input): ...  # noqa: A002, E704


def _gelu(input, approximate="none"): ...  # noqa: A002, E704


def _softplus(input, beta=1.0, threshold=20.0): ...  # noqa: A002, E704


def _attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None): ...  # noqa: E704


def _distance(x1, x2, p=2.0, eps=1e-6, keepdim=False): ...  # noqa: E704


def _cosine(x1, x2, dim=1, eps=1e-8): ...  # noqa: E704


def dot_product(x1: torch.Tensor, x2: torch.Tensor, dim: int = 1) -> torch.Tensor:
    return (x1 * x2).sum(dim)


dot_product.__name__ = "the dot product (x1 * x2).sum(dim)"


def _cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None): ...  # noqa: A002, E704


def _reduce(input, dim=None, keepdim=False): ...  # noqa: A002, E704


def _softmax(input, dim=None, dtype=None): ...  # noqa: A002, E704


def _pad(input, pad, mode="constant", value=None): ...  # noqa: A002, E704


def _clamp(input, min=None, max=None): ...  # noqa: A002, E704


def _masked_fill(input, mask, value): ...  # noqa: A002, E704


def _repeat_interleave(input, repeats, dim=None, *, output_size=None): ...  # noqa: A002, E704


BUILTINS = {"conv1d": _convolution, "conv2d": _convolution, "conv3d": _convolution, "linear": _linear, "bilinear": _bilinear,
            **{f"max_pool{d}d": _max_pool for d in (1, 2, 3)}, **{f"avg_pool{d}d": _avg_pool for d in (1, 2, 3)},
            **{f"adaptive_{kind}_pool{d}d": way for kind, way in (("max", _adaptive_max), ("avg", _adaptive)) for d in (1, 2, 3)},
            **{name: _unary for name in ("tanh", "sigmoid", "logsigmoid")}, "gelu": _gelu, "softplus": _softplus,
            "scaled_dot_product_attention": _attention, "pairwise_distance": _distance,
            "cosine_similarity": _cosine, **{name: _cell for name in ("gru_cell", "rnn_tanh_cell", "rnn_relu_cell", "lstm_cell")},
            **{name: _reduce for name in ("sum", "mean", "logsumexp", "amax", "amin")}, "softmax": _softmax, "log_softmax": _softmax,
            "pad": _pad, "clamp": _clamp, "clip": _clamp,
            "repeat_interleave": _repeat_interleave, "masked_fill": _masked_fill}


def as_function(func):
    """A tensor method (x.softmax, x.sum) as torch's function of that name, which takes the tensor as `input`."""
    if getattr(func, "__objclass__", None) is torch._C.TensorBase:
        return getattr(torch, func.__name__, func)
    return func
