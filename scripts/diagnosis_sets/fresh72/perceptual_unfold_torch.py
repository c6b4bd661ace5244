"""Photo restoration with a perceptual loss in PyTorch, written another way: the generator's
kernels are raw nn.Parameters kept in the NumPy program's (kh, kw, cin, cout) layout and applied
by F.unfold and a matrix product (unfold orders the patch as (cin, kh, kw)), the extractor's
convolutions by F.conv2d on buffers, the Gram matrix with torch.matmul, nn.MSELoss modules,
torch.diff for the squared total variation, torch.optim.SGD. The same model and loss as
perceptual_numpy.py."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

_DATA = np.load(Path(__file__).with_name("pairs.npz"))
PIX_W, FEAT_W, TEX_W, TV_W = 1.0, 0.5, 20.0, 0.2


def conv_unfold(x, K, b):
    """x (n, cin, h, w), K (3, 3, cin, cout): padding 1, stride 1."""
    n, cin, h, w = x.shape
    cols = F.unfold(x, kernel_size=3, padding=1)                  # (n, cin*9, h*w), rows (cin, kh, kw)
    kernel = K.permute(2, 0, 1, 3).reshape(cin * 9, -1)            # (cin*9, cout)
    out = cols.transpose(1, 2) @ kernel + b                        # (n, h*w, cout)
    return out.transpose(1, 2).reshape(n, -1, h, w)


def gram(f):
    n, c, h, w = f.shape
    flat = f.flatten(2)
    return torch.matmul(flat, flat.mT) / (c * h * w)


class PerceptualUnfold(nn.Module):
    def __init__(self, hidden=8):
        super().__init__()
        self.G1 = nn.Parameter(torch.empty(3, 3, 3, hidden))
        self.g1 = nn.Parameter(torch.zeros(hidden))
        self.G2 = nn.Parameter(torch.empty(3, 3, hidden, 3))
        self.g2 = nn.Parameter(torch.zeros(3))
        for name in ("K1", "c1", "K2", "c2"):
            self.register_buffer(name, torch.as_tensor(_DATA[name]))
        self.mse = nn.MSELoss()

    def extract(self, x):
        f1 = F.relu(F.conv2d(x, self.K1, self.c1, padding=1))
        return f1, F.relu(F.conv2d(F.avg_pool2d(f1, 2), self.K2, self.c2, padding=1))

    def forward(self, x):
        return x + conv_unfold(F.relu(conv_unfold(x, self.G1, self.g1)), self.G2, self.g2)

    def loss(self, X, y):
        out = self(X)
        f1, f2 = self.extract(out)
        t1, t2 = (t.detach() for t in self.extract(y))
        tv = torch.diff(out, dim=-2).square().mean() + torch.diff(out, dim=-1).square().mean()
        return (PIX_W * self.mse(out, y) + FEAT_W * self.mse(f2, t2)
                + TEX_W * self.mse(gram(f1), gram(t1)) + TV_W * tv)


def make_optimizer(model):
    return torch.optim.SGD([model.G1, model.g1, model.G2, model.g2], lr=0.03)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.loss(X, y)
    loss.backward()
    optimizer.step()
    return loss.item()
