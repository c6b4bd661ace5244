"""ChurnNet in PyTorch: an nn.Embedding per categorical column, nn.BatchNorm1d(affine=False) on the
raw numeric columns, Linear -> BatchNorm1d -> SiLU -> Linear, F.mse_loss; clip_grad_norm_ to MAX_NORM, then
torch.optim.AdamW with parameter groups (dense weights with weight_decay=WD, embeddings at LR_EMB
and the rest without decay) and a LambdaLR linear warmup."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

CARDS = (7, 3)
DIMS = (4, 2)
N_CAT, N_NUM = 2, 4
H = 16
EPS, BN_MOM = 1e-5, 0.1
LR, LR_EMB, WD = 0.02, 0.05, 0.1
MAX_NORM, WARMUP = 0.5, 4


class ChurnNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.plan = nn.Embedding(CARDS[0], DIMS[0])
        self.contract = nn.Embedding(CARDS[1], DIMS[1])
        self.bn_in = nn.BatchNorm1d(N_NUM, eps=EPS, momentum=BN_MOM, affine=False)
        self.fc1 = nn.Linear(sum(DIMS) + N_NUM, H, bias=False)
        self.bn1 = nn.BatchNorm1d(H, eps=EPS, momentum=BN_MOM)
        self.fc2 = nn.Linear(H, 1)

    def forward(self, X):
        codes = X[:, :N_CAT].long()
        h0 = torch.cat([self.plan(codes[:, 0]), self.contract(codes[:, 1]), self.bn_in(X[:, N_CAT:])], dim=1)
        return self.fc2(F.silu(self.bn1(self.fc1(h0))))


def make_optimizer(model):
    dense = [model.fc1.weight, model.fc2.weight]
    emb = [model.plan.weight, model.contract.weight]
    rest = [model.bn1.weight, model.bn1.bias, model.fc2.bias]
    optimizer = torch.optim.AdamW([
        {"params": dense, "weight_decay": WD},
        {"params": emb, "lr": LR_EMB, "weight_decay": 0.0},
        {"params": rest, "weight_decay": 0.0},
    ], lr=LR)
    scheduler = LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / WARMUP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    model.train()
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
