"""GatedMIL ported with raw nn.Parameters kept in the NumPy layout (W1 (4, 8), V and U (8, 5),
w (5, 1), Wc (8, 3)) and used as x @ W; the bags split with torch.unflatten, the attention
softmax over the real instances written as exp(s - max) * mask normalised by its sum with
torch.where, the loss as -log_softmax gathered at the labels, the global-norm clipping by hand
with torch.no_grad (the same 1e-6 as clip_grad_norm_), then torch.optim.SGD(momentum,
weight_decay, foreach=False)."""

import torch
from torch import nn

B, D, HIDDEN, ATT, K = 7, 4, 8, 5, 3
LR, MU, WD, MAX_NORM = 0.1, 0.9, 1e-3, 0.5


class GatedMILP(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(D, HIDDEN) * 0.5)
        self.b1 = nn.Parameter(torch.zeros(HIDDEN))
        self.V = nn.Parameter(torch.randn(HIDDEN, ATT) * 0.35)
        self.bV = nn.Parameter(torch.zeros(ATT))
        self.U = nn.Parameter(torch.randn(HIDDEN, ATT) * 0.35)
        self.bU = nn.Parameter(torch.zeros(ATT))
        self.w = nn.Parameter(torch.randn(ATT, 1) * 0.45)
        self.Wc = nn.Parameter(torch.randn(HIDDEN, K) * 0.35)
        self.bc = nn.Parameter(torch.zeros(K))

    def forward(self, X):
        bags = torch.unflatten(X[:, :B * D], 1, (B, D))
        mask = X[:, B * D:]
        h = torch.tanh(bags @ self.W1 + self.b1)
        gate = torch.tanh(h @ self.V + self.bV) * torch.sigmoid(h @ self.U + self.bU)
        s = (gate @ self.w)[..., 0]
        e = torch.where(mask > 0, torch.exp(s - s.max(dim=1, keepdim=True).values), torch.zeros_like(s))
        a = e / e.sum(dim=1, keepdim=True)
        z = torch.einsum("nb,nbh->nh", a, h)
        return z @ self.Wc + self.bc


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, weight_decay=WD, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logp = torch.log_softmax(model(X), dim=1)
    loss = -logp.gather(1, y.long().unsqueeze(1)).mean()
    loss.backward()
    with torch.no_grad():
        grads = [p.grad for p in model.parameters()]
        total = torch.sqrt(sum((g * g).sum() for g in grads))
        coef = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
        for g in grads:
            g.mul_(coef)
    optimizer.step()
    return float(loss)
