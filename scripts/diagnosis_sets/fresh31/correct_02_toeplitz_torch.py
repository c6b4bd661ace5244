"""ToeplitzNet in PyTorch, the convolution by hand with F.unfold: the (n, C*9, 25) patch matrix
times the kernel viewed as (F, C*9), plus the bias, folded back to (n, F, 5, 5). tanh,
F.avg_pool2d(2) (which drops the odd 5th row and column too), Linear(16, 3). Adagrad at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn


class ToeplitzNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.kernel = nn.Parameter(torch.randn(4, 2, 3, 3) * 0.2)
        self.kernel_bias = nn.Parameter(torch.zeros(4))
        self.fc = nn.Linear(16, 3)

    def forward(self, x):
        n, _, H, W = x.shape
        cols = F.unfold(x, kernel_size=3)                                    # (n, 18, 25)
        z = self.kernel.view(4, -1) @ cols + self.kernel_bias[:, None]
        z = z.view(n, 4, H - 2, W - 2)
        return self.fc(F.avg_pool2d(torch.tanh(z), 2).flatten(1))


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1, eps=1e-10)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
