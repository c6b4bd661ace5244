"""Correct variant of gram_torch.py: the width-2 convolution written by hand with its own
kernel parameter kept (tap, in, out) like the NumPy program, features kept (B, T, C), the Gram
matrices by einsum, the style target computed under torch.no_grad(), the head an nn.Linear.

    kernel (2, 3, 8) = K    kernel_bias (8,) = bK    head.weight (2, 8) = W.T    head.bias = b
"""

import torch
import torch.nn as nn


class StyleNet(nn.Module):
    def __init__(self, c_in=3, channels=8, n_out=2):
        super().__init__()
        self.kernel = nn.Parameter(torch.randn(2, c_in, channels) * 0.3)
        self.kernel_bias = nn.Parameter(torch.zeros(channels))
        self.head = nn.Linear(channels, n_out)

    def features(self, x):                       # x (B, T, C) -> (B, T-1, 8)
        z = x[:, :-1] @ self.kernel[0] + x[:, 1:] @ self.kernel[1] + self.kernel_bias
        return torch.relu(z)

    @staticmethod
    def gram(f):                                 # (B, T, C) -> (B, C, C)
        return torch.einsum("btc,btd->bcd", f, f) / f.shape[1]


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.02, momentum=0.9)


def train_step(model, optimizer, X, y):
    content, style_batch = X.chunk(2)
    target = y[: content.shape[0]]
    optimizer.zero_grad()
    f_content = model.features(content)
    with torch.no_grad():
        g_style = model.gram(model.features(style_batch)).mean(0)
    pred = model.head(f_content.mean(1))
    mse = ((pred - target) ** 2).mean()
    style = ((model.gram(f_content) - g_style) ** 2).mean()
    loss = mse + 2.0 * style
    loss.backward()
    optimizer.step()
    return loss.item()
