"""torch's convolutions and its fused attention written out in the ops they are made of, for the trace of a port's
step: inside `conv1d`, `conv2d` and `scaled_dot_product_attention` the columns a convolution multiplies (im2col), the
attention's scores and its weights are then values with gradients of their own, which a NumPy program's hand-written
backward is met at: the padded input's gradient before the padding is cropped off, the columns' gradient before it is scattered back
to the input, the scores' gradient before the softmax.

    conv      x_p = pad(x)    cols = unfold(x_p)   (N, C·k, L)     y = W.view(O, C·k) @ cols + b   (per group)
    attention s = q kᵀ · scale + mask        p = softmax(s)     y = p v

A call these do not write out (a dropout inside the attention, a conv of three spatial axes) is left to torch: None."""

from __future__ import annotations

import math
from typing import Any, Callable

import torch
import torch.nn.functional as F


def _pair(value: Any, size: int) -> tuple[int, ...]:
    return tuple(value) if isinstance(value, (tuple, list)) else (value,) * size


def _same_padding(kernel: tuple[int, ...], dilation: tuple[int, ...]) -> tuple[int, ...]:
    """padding='same' as torch pads it: the total d·(k - 1) split with the odd one at the end, as F.pad's list."""
    pads: list[int] = []
    for k, d in reversed(list(zip(kernel, dilation))):
        total = d * (k - 1)
        pads += [total // 2, total - total // 2]
    return tuple(pads)


def conv2d(input: torch.Tensor, weight: torch.Tensor, bias: Any = None, stride: Any = 1, padding: Any = 0,
           dilation: Any = 1, groups: int = 1) -> torch.Tensor | None:
    if input.dim() != 4 or weight.dim() != 4:
        return None  # an unbatched call: left to torch
    kernel, dilation, stride = tuple(weight.shape[2:]), _pair(dilation, 2), _pair(stride, 2)
    if isinstance(padding, str):
        pads = _same_padding(kernel, dilation) if padding == "same" else (0, 0, 0, 0)
    else:
        height, width = _pair(padding, 2)
        pads = (width, width, height, height)
    if any(pads):  # padded as a value of its own: its gradient is the input's before the padding is cropped off
        input = F.pad(input, pads)
    cols = F.unfold(input, kernel, dilation=dilation, stride=stride)  # (N, C·k, L): per group, C/G·k rows each
    n, out_channels = input.shape[0], weight.shape[0]
    if groups == 1:
        y = weight.reshape(out_channels, -1) @ cols
    else:
        grouped = cols.reshape(n, groups, -1, cols.shape[-1])
        y = (weight.reshape(groups, out_channels // groups, -1) @ grouped).reshape(n, out_channels, -1)
    if bias is not None:
        y = y + bias.reshape(1, -1, 1)
    height = (input.shape[2] - dilation[0] * (kernel[0] - 1) - 1) // stride[0] + 1
    return y.reshape(n, out_channels, height, -1)


def conv1d(input: torch.Tensor, weight: torch.Tensor, bias: Any = None, stride: Any = 1, padding: Any = 0,
           dilation: Any = 1, groups: int = 1) -> torch.Tensor | None:
    if input.dim() != 3 or weight.dim() != 3:
        return None
    padding = padding if isinstance(padding, str) else (0, _pair(padding, 1)[0])
    y = conv2d(input.unsqueeze(2), weight.unsqueeze(2), bias, (1, _pair(stride, 1)[0]), padding,
               (1, _pair(dilation, 1)[0]), groups)
    return None if y is None else y.squeeze(2)


def scaled_dot_product_attention(query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, attn_mask: Any = None,
                                 dropout_p: float = 0.0, is_causal: bool = False, scale: Any = None,
                                 enable_gqa: bool = False) -> torch.Tensor | None:
    if dropout_p or enable_gqa:
        return None  # a random mask drawn inside: left to torch
    scores = query @ key.transpose(-2, -1) * (1 / math.sqrt(query.shape[-1]) if scale is None else scale)
    if is_causal:
        attn_mask = torch.ones(query.shape[-2], key.shape[-2], dtype=torch.bool, device=query.device).tril()
    if attn_mask is not None:
        scores = scores.masked_fill(~attn_mask, float("-inf")) if attn_mask.dtype == torch.bool else scores + attn_mask
    return torch.softmax(scores, dim=-1) @ value


CONVS: dict[str, Callable] = {"conv1d": conv1d, "conv2d": conv2d,
                              "scaled_dot_product_attention": scaled_dot_product_attention}
