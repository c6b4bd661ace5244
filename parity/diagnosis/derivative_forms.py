"""Elementwise ops' derivatives as the port's chain rule takes them, from the op's input U and output V (and its one
number, an exponent or ELU's α): the forms a NumPy program's hand-written backward is measured against.

    g_U = g_V · f'(U)        for V = f(U)
"""

from __future__ import annotations

import math

import numpy as np


def _sigmoid(u: np.ndarray) -> np.ndarray:
    return 0.5 * (1 + np.tanh(0.5 * u))


_erf = np.vectorize(math.erf, otypes=[float])


# op -> (f'(U) from U, V and the op's one number, as the port's chain takes it; the derivative in words)
DERIVATIVES = {
    "pow": (lambda u, v, k: k * u ** (k - 1), "k·z^(k-1)"),
    "square": (lambda u, v, k: 2 * u, "2z"),
    "exp": (lambda u, v, k: v, "exp(z)"),
    "tanh": (lambda u, v, k: 1 - v**2, "1 - tanh(z)²"),
    "sigmoid": (lambda u, v, k: v * (1 - v), "σ(z)(1 - σ(z))"),
    "softplus": (lambda u, v, k: _sigmoid(u), "σ(z)"),
    "log": (lambda u, v, k: 1 / u, "1/z"),
    "sin": (lambda u, v, k: np.cos(u), "cos(z)"),
    "cos": (lambda u, v, k: -np.sin(u), "-sin(z)"),
    "sqrt": (lambda u, v, k: 0.5 / v, "1/(2√z)"),
    "silu": (lambda u, v, k: _sigmoid(u) * (1 + u * (1 - _sigmoid(u))), "σ(z)(1 + z(1 - σ(z)))"),
    "gelu": (lambda u, v, k: 0.5 * (1 + _erf(u / np.sqrt(2))) + u * np.exp(-0.5 * u**2) / np.sqrt(2 * np.pi), "Φ(z) + z·φ(z)"),
    "log1p": (lambda u, v, k: 1 / (1 + u), "1/(1 + z)"),
    "expm1": (lambda u, v, k: v + 1, "exp(z)"),
    "relu": (lambda u, v, k: (u > 0).astype(np.float64), "1 where z > 0, else 0"),
    "log_sigmoid": (lambda u, v, k: _sigmoid(-u), "σ(-z) = 1 - σ(z)"),
    "elu": (lambda u, v, k: np.where(u > 0, 1.0, v + k), "1 where z > 0, else α·exp(z) = elu(z) + α"),
    "leaky_relu": (lambda u, v, k: np.where(u > 0, 1.0, k), "1 where z > 0, else its negative slope"),
    "selu": (lambda u, v, k: SELU_SCALE * np.where(u > 0, 1.0, SELU_ALPHA * np.exp(np.minimum(u, 0.0))),
             "λ where z > 0, else λ·α·exp(z) (λ = 1.0507, α = 1.67326)"),
    "hardswish": (lambda u, v, k: np.where(u < -3, 0.0, np.where(u <= 3, (2 * u + 3) / 6, 1.0)),
                  "0 below -3, (2z + 3)/6 on [-3, 3], 1 above"),
    "hardsigmoid": (lambda u, v, k: ((u > -3) & (u < 3)) / 6.0, "1/6 on (-3, 3), else 0"),
    "relu6": (lambda u, v, k: ((u > 0) & (u < 6)).astype(np.float64), "1 on (0, 6), else 0"),
    "softsign": (lambda u, v, k: 1 / (1 + np.abs(u)) ** 2, "1/(1 + |z|)²"),
    "mish": (lambda u, v, k: np.tanh(np.logaddexp(0.0, u)) + u * _sigmoid(u) * (1 - np.tanh(np.logaddexp(0.0, u)) ** 2),
             "tanh(softplus(z)) + z·σ(z)·sech²(softplus(z))"),
}
SELU_SCALE, SELU_ALPHA = 1.0507009873554805, 1.6732632423543772  # torch's (and Klambauer et al.'s) constants
C_GELU = math.sqrt(2 / math.pi)  # gelu(approximate='tanh') = ½z(1 + tanh(c(z + 0.044715z³)))


def _gelu_tanh(u: np.ndarray, v: np.ndarray, k: float) -> np.ndarray:
    t = np.tanh(C_GELU * (u + 0.044715 * u**3))
    return 0.5 * (1 + t) + 0.5 * u * (1 - t**2) * C_GELU * (1 + 3 * 0.044715 * u**2)


DERIVATIVES["gelu(approximate='tanh')"] = (_gelu_tanh, "½(1 + t) + ½z(1 - t²)·c(1 + 3·0.044715z²), t = tanh(c(z + 0.044715z³))")
WITH_NUMBER = {"pow", "elu", "leaky_relu"}  # ops whose one number (an exponent, ELU's α) their derivative takes


FLIPPED = {  # f'(-z) for the derivatives that are not even: σ(-z) where softplus's σ(z) belongs
    "softplus": lambda u, v: _sigmoid(-u), "exp": lambda u, v: 1 / v, "relu": lambda u, v: (u < 0).astype(np.float64),
    "silu": lambda u, v: _sigmoid(-u) * (1 - u * (1 - _sigmoid(-u))),
    "log_sigmoid": lambda u, v: _sigmoid(u),
}


FUNCTIONS = {"tanh": np.tanh, "sigmoid": _sigmoid, "exp": np.exp, "sin": np.sin, "cos": np.cos, "softplus": lambda u: np.logaddexp(0.0, u),
             "relu": lambda u: np.maximum(u, 0.0), "silu": lambda u: u * _sigmoid(u), "sqrt": lambda u: np.sqrt(np.abs(u)),
             "elu": lambda u: np.where(u > 0, u, np.expm1(np.minimum(u, 0.0)))}
