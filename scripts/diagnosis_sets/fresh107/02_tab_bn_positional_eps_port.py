"""TabularBNRegressor in PyTorch: one nn.Embedding per categorical column, the numeric columns
standardised with the training-set constants (buffers), Linear -> BatchNorm1d -> ReLU twice, a
linear output (the layers feeding a batch norm without bias), F.huber_loss (delta 1, mean); torch.optim.Adam with parameter groups (embeddings
at LR_EMB; dense weights with weight_decay=WD; biases and batch-norm parameters without)."""

import torch
import torch.nn.functional as F
from torch import nn

CARDS = (5, 4, 6)
DIMS = (3, 2, 3)
N_CAT, N_NUM = 3, 5
H1, H2 = 16, 8
NUM_MEAN = (88.0, 25.0, 3.2, 7.0, 5.0)
NUM_STD = (26.0, 13.5, 1.0, 5.0, 3.1)
EPS, BN_MOM, DELTA = 1e-3, 0.1, 1.0
LR, LR_EMB, WD = 0.01, 0.05, 1e-2


class TabularBNRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c, d) for c, d in zip(CARDS, DIMS)])
        self.register_buffer("num_mean", torch.tensor(NUM_MEAN))
        self.register_buffer("num_std", torch.tensor(NUM_STD))
        self.fc1 = nn.Linear(sum(DIMS) + N_NUM, H1, bias=False)
        self.bn1 = nn.BatchNorm1d(H1, BN_MOM)  # fix: self.bn1 = nn.BatchNorm1d(H1, eps=EPS, momentum=BN_MOM)
        self.fc2 = nn.Linear(H1, H2, bias=False)
        self.bn2 = nn.BatchNorm1d(H2, eps=EPS, momentum=BN_MOM)
        self.out = nn.Linear(H2, 1)

    def forward(self, X):
        codes = X[:, :N_CAT].long()
        num = (X[:, N_CAT:] - self.num_mean) / self.num_std
        h = torch.cat([emb(codes[:, j]) for j, emb in enumerate(self.embs)] + [num], dim=1)
        h = F.relu(self.bn1(self.fc1(h)))
        h = F.relu(self.bn2(self.fc2(h)))
        return self.out(h)


def make_optimizer(model):
    emb = [p for n, p in model.named_parameters() if n.startswith("embs.")]
    dense = [model.fc1.weight, model.fc2.weight, model.out.weight]
    rest = [p for n, p in model.named_parameters()
            if not n.startswith("embs.") and n not in ("fc1.weight", "fc2.weight", "out.weight")]
    return torch.optim.Adam([
        {"params": emb, "lr": LR_EMB},
        {"params": dense, "weight_decay": WD},
        {"params": rest},
    ], lr=LR)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = F.huber_loss(model(X), y, delta=DELTA)
    loss.backward()
    optimizer.step()
    return loss.item()
