"""PyTorch port of ncf_numpy.py: NeuMF (GMF + MLP tower) with the BPR loss and Adagrad.

user_gmf.weight = Pg, item_gmf.weight = Qg, user_mlp.weight = Pm, item_mlp.weight = Qm,
fc1.weight = W1.T, fc1.bias = b1, fc2.weight = W2.T, fc2.bias = b2, predict.weight = Wo.T.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

REG = 0.05


class NeuMF(nn.Module):
    def __init__(self, n_users=14, n_items=24, k=8, d=8, h1=16, h2=8):
        super().__init__()
        self.user_gmf = nn.Embedding(n_users, k)
        self.item_gmf = nn.Embedding(n_items, k)
        self.user_mlp = nn.Embedding(n_users, d)
        self.item_mlp = nn.Embedding(n_items, d)
        self.fc1 = nn.Linear(2 * d, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.predict = nn.Linear(k + h2, 1, bias=False)
        for emb in (self.user_gmf, self.item_gmf, self.user_mlp, self.item_mlp):
            nn.init.normal_(emb.weight, std=0.1)

    def forward(self, users, items):
        gmf = self.user_gmf(users) * self.item_gmf(items)
        h = torch.cat([self.user_mlp(users), self.item_mlp(items)], dim=-1)
        h = F.relu(self.fc1(h))
        h = F.relu(self.fc2(h))
        return self.predict(torch.cat([gmf, h], dim=-1)).squeeze(-1)

    def l2_rows(self, users, pos, neg):
        return (self.user_gmf(users).pow(2).sum() + self.user_mlp(users).pow(2).sum()
                + self.item_gmf(pos).pow(2).sum() + self.item_mlp(pos).pow(2).sum()
                + self.item_gmf(neg).pow(2).sum() + self.item_mlp(neg).pow(2).sum())


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1, eps=1e-10)


def train_step(model, optimizer, X, y):
    users, pos, neg = X[:, 0], X[:, 1], X[:, 2]
    optimizer.zero_grad()
    x = model(users, pos) - model(users, neg)
    loss = -F.logsigmoid(x).mean() + 0.5 * REG * model.l2_rows(users, pos, neg) / len(users)
    loss.backward()
    optimizer.step()
    return loss.item()
