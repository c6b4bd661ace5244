"""PyTorch port of gru_numpy.py: nn.Embedding, nn.GRU(batch_first=True), an nn.Linear read-out
at every position, F.cross_entropy (mean over all positions), clip_grad_norm_(0.1),
torch.optim.RMSprop(alpha=0.9) and an ExponentialLR(gamma=0.9) stepped once per step.

    gru.weight_ih_l0 (3H, D) = W_ih.T, gru.weight_hh_l0 (3H, H) = W_hh.T,
    gru.bias_ih_l0 = b_ih, gru.bias_hh_l0 = b_hh (gate order r, z, n as in the NumPy program)
"""

import torch
import torch.nn.functional as F
from torch import nn

V, D, H = 13, 6, 8
LR, GAMMA, ALPHA, EPS, MAX_NORM = 0.01, 0.9, 0.9, 1e-8, 0.1


class GRULM(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(V, D)
        self.gru = nn.GRU(D, H, batch_first=True)
        self.out = nn.Linear(H, V)

    def forward(self, X):
        states, _ = self.gru(self.emb(X))
        return self.out(states)


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.reshape(-1, V), y.reshape(-1))
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
