"""Another PyTorch port of max_numpy.py: nn.Sequential blocks and a torch.where / amax pool.

Padding is replaced by the dtype's lowest finite value (no -inf) and the set is reduced with
amax; the optimizer is Adam(lr 0.01, weight_decay 5e-4) with the phi and rho blocks in two
parameter groups sharing the same settings.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DeepSetMaxAlt(nn.Module):
    def __init__(self, d_in=2, hidden=24, latent=16, rho_hidden=16, classes=3):
        super().__init__()
        self.phi = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Linear(hidden, latent))
        self.rho = nn.Sequential(nn.Linear(latent, rho_hidden), nn.ReLU(),
                                 nn.Linear(rho_hidden, classes))

    def pool(self, e, mask):
        keep = mask.bool().unsqueeze(-1).expand_as(e)
        floor = torch.full_like(e, torch.finfo(e.dtype).min)
        return torch.where(keep, e, floor).amax(dim=1)

    def forward(self, X):
        return self.rho(self.pool(self.phi(X[:, :, :-1]), X[:, :, -1]))


def make_optimizer(model):
    return torch.optim.Adam([{"params": model.phi.parameters()},
                             {"params": model.rho.parameters()}],
                            lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=5e-4)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logits = model(X)
    loss = F.nll_loss(F.log_softmax(logits, dim=-1), y)
    loss.backward()
    optimizer.step()
    return float(loss)
