"""Another PyTorch port of kan_cls_numpy.py: one module, explicit parameters, hand-written loss.

    spline1, spline2   (d_out, d_in, G) nn.Parameters  = S{l}.permute(2, 0, 1)
    base1, base2       nn.Linear(d_in, d_out)
The Gaussian basis is exp(-square(x - c) / h^2); the cross-entropy is log_softmax + gather.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class RBFKANNet(nn.Module):
    def __init__(self, n_in=5, n_hidden=10, n_out=3, num_grids=8):
        super().__init__()
        self.register_buffer("centers", torch.linspace(-2.0, 2.0, num_grids))
        self.inv_h2 = ((num_grids - 1) / 4.0) ** 2
        self.spline1 = nn.Parameter(0.1 * torch.randn(n_hidden, n_in, num_grids))
        self.base1 = nn.Linear(n_in, n_hidden)
        self.spline2 = nn.Parameter(0.1 * torch.randn(n_out, n_hidden, num_grids))
        self.base2 = nn.Linear(n_hidden, n_out)

    def kan(self, x, spline, base):
        phi = torch.exp(-torch.square(x[:, :, None] - self.centers) * self.inv_h2)
        return torch.einsum("nig,oig->no", phi, spline) + base(x * torch.sigmoid(x))

    def forward(self, x):
        return self.kan(self.kan(x, self.spline1, self.base1), self.spline2, self.base2)


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logp = torch.log_softmax(model(X), dim=1)
    loss = -logp.gather(1, y[:, None]).mean()
    loss.backward()
    optimizer.step()
    return float(loss)
