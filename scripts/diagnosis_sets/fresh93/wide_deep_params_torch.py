"""WideDeep in PyTorch written another way: the embedding tables raw nn.Parameters in an
nn.ParameterList indexed by the id columns, the wide weights and bias raw parameters, the deep
part an nn.Sequential; the log loss from the logit (F.binary_cross_entropy_with_logits), the L2
penalty on torch.cat of the looked-up rows; Adam(foreach=False) with a LinearLR warm-up from
1/WARMUP to 1 over WARMUP - 1 scheduler steps."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LinearLR

N_NUM, CARDS, K, HIDDEN = 3, (6, 5, 4, 7), 4, 8
D_IN = N_NUM + K * len(CARDS)
LR, LAM, WARMUP = 0.03, 0.05, 5


class WideDeepP(nn.Module):
    def __init__(self):
        super().__init__()
        self.tables = nn.ParameterList([nn.Parameter(0.3 * torch.randn(card, K)) for card in CARDS])
        self.w_wide = nn.Parameter(torch.zeros(N_NUM))
        self.b = nn.Parameter(torch.zeros(1))
        self.deep = nn.Sequential(nn.Linear(D_IN, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, 1, bias=False))

    def lookup(self, X):
        ids = X[:, N_NUM:].to(torch.int64)
        return torch.cat([table[ids[:, f]] for f, table in enumerate(self.tables)], dim=1)

    def forward(self, X):
        num = X[:, :N_NUM]
        looked_up = self.lookup(X)
        deep = self.deep(torch.cat([num, looked_up], dim=1)).squeeze(-1)
        return torch.mv(num, self.w_wide) + self.b + deep, looked_up


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR, foreach=False)
    return optimizer, LinearLR(optimizer, start_factor=1.0 / WARMUP, end_factor=1.0, total_iters=WARMUP - 1)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad(set_to_none=True)
    logit, looked_up = model(X)
    loss = F.binary_cross_entropy_with_logits(logit, y) + 0.5 * LAM * looked_up.square().sum() / X.shape[0]
    loss.backward()
    optimizer.step()
    scheduler.step()
    return float(loss)
