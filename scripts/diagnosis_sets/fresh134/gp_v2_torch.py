"""Double backprop port written with plain tensors: an nn.ParameterDict in the NumPy layout.

    params.W1 (4, 12), params.b1 (12,), params.W2 (12, 1), params.b2 (1,)   (= W1, b1, W2, b2)

The objective's parameter gradients come from torch.autograd.grad and are
assigned to .grad by hand before torch.optim.Adam (betas (0.9, 0.99)) steps.
"""

import torch
import torch.nn as nn

LAM = 0.5


class GradPenaltyNet(nn.Module):
    def __init__(self, n_in=4, hidden=12):
        super().__init__()
        g = torch.Generator().manual_seed(0)
        self.params = nn.ParameterDict({
            "W1": nn.Parameter(torch.randn(n_in, hidden, generator=g) / n_in ** 0.5),
            "b1": nn.Parameter(torch.zeros(hidden)),
            "W2": nn.Parameter(torch.randn(hidden, 1, generator=g) / hidden ** 0.5),
            "b2": nn.Parameter(torch.zeros(1)),
        })

    def forward(self, X):
        p = self.params
        return torch.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]


def make_optimizer(model, lr=0.01):
    return torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.99))


def objective(model, X, y):
    X = X.detach().requires_grad_(True)
    residual = model(X) - y
    data_loss = (residual * residual).mean()
    grad_x = torch.autograd.grad(data_loss, X, create_graph=True)[0]
    return data_loss + LAM * (grad_x * grad_x).sum()


def train_step(model, optimizer, X, y):
    loss = objective(model, X, y)
    params = list(model.parameters())
    grads = torch.autograd.grad(loss, params)
    for p, g in zip(params, grads):
        p.grad = g
    optimizer.step()
    return loss.item()
