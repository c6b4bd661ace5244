"""PyTorch port of arc_numpy.py: embedding MLP + ArcMarginProduct (insightface style).

Parameters, with the NumPy names:
    fc1.weight (32, 12) = W1.T     fc1.bias (32,) = b1
    fc2.weight (8, 32)  = W2.T     fc2.bias (8,)  = b2
    head.weight (5, 8)  = W
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class ArcMarginProduct(nn.Module):
    def __init__(self, in_features, out_features, s=10.0, m=0.3):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(out_features, in_features))
        nn.init.xavier_uniform_(self.weight)
        self.s, self.m = s, m
        self.cos_m, self.sin_m = math.cos(m), math.sin(m)
        self.th = math.cos(math.pi - m)
        self.mm = math.sin(math.pi - m) * m

    def forward(self, emb, label):
        cosine = F.linear(F.normalize(emb), F.normalize(self.weight))
        sine = torch.sqrt((1.0 - cosine * cosine).clamp(0, 1))
        phi = cosine * self.cos_m + sine * self.sin_m
        phi = torch.where(cosine > self.th, phi, cosine - self.mm)
        one_hot = torch.zeros_like(cosine)
        one_hot.scatter_(1, label.view(-1, 1), 1.0)
        output = one_hot * phi + (1.0 - one_hot) * cosine
        return output * self.s


class ArcFaceNet(nn.Module):
    def __init__(self, n_in=12, hidden=32, embed=8, classes=5, s=10.0, m=0.3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, embed)
        self.head = ArcMarginProduct(embed, classes, s=s, m=m)

    def embed(self, x):
        return self.fc2(F.relu(self.fc1(x)))

    def forward(self, x, label):
        return self.head(self.embed(x), label)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X, y)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
