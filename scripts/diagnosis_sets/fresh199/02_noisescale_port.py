"""PyTorch port of dsm_numpy.py: denoising score matching with a tanh MLP."""
import torch
import torch.nn as nn

SIGMAS = (0.1, 0.3, 1.0)


class ScoreNet(nn.Module):
    def __init__(self, n_in=4, hidden=32):
        super().__init__()
        self.fc1 = nn.Linear(n_in + 1, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.out = nn.Linear(hidden, n_in)

    def forward(self, xn, sigma):
        h = torch.tanh(self.fc1(torch.cat([xn, sigma], dim=-1)))
        h = torch.tanh(self.fc2(h))
        return self.out(h)


def dsm_loss(model, X, y):
    N, D = X.shape
    sig = torch.tensor(SIGMAS, dtype=X.dtype, device=X.device)
    L = sig.shape[0]
    noise = y.view(N, L, D)
    xn = X.unsqueeze(1) + noise
    target = -(xn - X.unsqueeze(1)) / sig.view(1, L, 1) ** 2
    s = model(xn, sig.view(1, L, 1).expand(N, L, 1))
    per_row = 0.5 * ((s - target) ** 2).sum(dim=-1)          # (N, L)
    return (sig.view(1, L) ** 2 * per_row).mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=2e-3, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = dsm_loss(model, X, y)
    loss.backward()
    optimizer.step()
    return loss.item()
