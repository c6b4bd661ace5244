"""The highway classifier port written another way (correct).

Bare nn.Parameters kept (in, out) as the NumPy program keeps them (x @ W + b), the mix as
torch.lerp(x, H, T) = x + T * (H - x), the loss as log_softmax + nll_loss, Adam on a list
of the parameters.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class HighwayPort(nn.Module):
    def __init__(self, n_in=8, width=16, n_classes=3, n_layers=2, gate_bias=-2.0):
        super().__init__()
        self.n_layers = n_layers
        self.W0 = nn.Parameter(torch.randn(n_in, width) * 0.3)
        self.b0 = nn.Parameter(torch.zeros(width))
        for l in range(1, n_layers + 1):
            setattr(self, f"Wh{l}", nn.Parameter(torch.randn(width, width) * 0.25))
            setattr(self, f"bh{l}", nn.Parameter(torch.zeros(width)))
            setattr(self, f"Wt{l}", nn.Parameter(torch.randn(width, width) * 0.25))
            setattr(self, f"bt{l}", nn.Parameter(torch.full((width,), gate_bias)))
        self.Wc = nn.Parameter(torch.randn(width, n_classes) * 0.3)
        self.bc = nn.Parameter(torch.zeros(n_classes))

    def forward(self, X):
        x = torch.tanh(X @ self.W0 + self.b0)
        for l in range(1, self.n_layers + 1):
            H = torch.relu(x @ getattr(self, f"Wh{l}") + getattr(self, f"bh{l}"))
            T = torch.sigmoid(x @ getattr(self, f"Wt{l}") + getattr(self, f"bt{l}"))
            x = torch.lerp(x, H, T)
        return x @ self.Wc + self.bc


def make_optimizer(model):
    return torch.optim.Adam(list(model.parameters()), lr=1e-2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logp = F.log_softmax(model(X), dim=-1)
    loss = F.nll_loss(logp, y)
    loss.backward()
    optimizer.step()
    return float(loss)
