"""(fresh167 UK01)

PyTorch port of tri_numpy.py: a triplet network with L2-normalised embeddings.

    fc1.weight (24, 10) = W1.T   fc1.bias = b1   fc2.weight (8, 24) = W2.T   fc2.bias = b2

Triplets come from y: anchor row i, positive row y[i, 0], negative row y[i, 1]. The loss is
the hinge at the margin on squared distances, averaged over the anchors; SGD with momentum
0.9 and weight decay 1e-3.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

MARGIN = 1.0


class TripletNet(nn.Module):
    def __init__(self, n_in=10, hidden=24, n_emb=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_emb)

    def forward(self, x):
        return F.normalize(self.fc2(torch.tanh(self.fc1(x))), dim=1)


def triplet_loss(emb, idx, margin=MARGIN):
    anchor, positive, negative = emb, emb[idx[:, 0]], emb[idx[:, 1]]
    d_ap = (anchor - positive).pow(2).sum(dim=1)
    d_an = (anchor - negative).pow(2).sum(dim=1)
    return F.relu(d_ap - d_an + margin).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-3)


criterion = nn.TripletMarginLoss(margin=MARGIN)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    emb = model(X)
    loss = criterion(emb, emb[y[:, 0]], emb[y[:, 1]])
    loss.backward()
    optimizer.step()
    return loss.item()
