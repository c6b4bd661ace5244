"""The Bernoulli VAE ported with torch.distributions for the likelihood: the reconstruction term
is -Bernoulli(logits=..., validate_args=False).log_prob(y) (soft pixel
targets in [0, 1], hence no support check) summed over the pixels and averaged over the batch (the
BCE from the logits), the code made with torch.addcmul(mu, std, eps), and the KL written in its
other closed form 0.5 sum(mu^2 + sigma^2 - 1 - log sigma^2), per row then averaged. The encoder
and decoder as nn.Sequential blocks, the heads as named Linear layers. SGD at 0.5."""

import torch
from torch import nn
from torch.distributions import Bernoulli

D, H, L = 6, 8, 2
BETA = 1.0


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D, H)
        self.mu = nn.Linear(H, L)
        self.logvar = nn.Linear(H, L)
        self.dec = nn.Linear(L, H)
        self.out = nn.Linear(H, D)
        self.encoder = nn.Sequential(self.enc, nn.Tanh())
        self.decoder = nn.Sequential(self.dec, nn.Tanh(), self.out)

    def forward(self, x, eps):
        h = self.encoder(x)
        mu, logvar = self.mu(h), self.logvar(h)
        z = torch.addcmul(mu, torch.exp(0.5 * logvar), eps)
        return self.decoder(z), mu, logvar


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    x, eps = X.split([D, L], dim=1)
    logits, mu, logvar = model(x, eps)
    nll = -Bernoulli(logits=logits, validate_args=False).log_prob(y).sum(dim=1)
    kl = 0.5 * (mu.square() + logvar.exp() - 1.0 - logvar).sum(dim=1)
    loss = (nll + BETA * kl).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
