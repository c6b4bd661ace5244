"""PyTorch port of cls_numpy.py: a neural additive model for binary classification.
(variant 08)

One FeatureNet (Linear 1->8, ReLU, Linear 8->8, ReLU, Linear 8->1) per feature in an
nn.ModuleList, the feature outputs masked by the step's fixed feature-dropout mask
(cls_masks.npz, masks[t % 25] at the t-th step) and summed with a bias.
Loss F.binary_cross_entropy_with_logits (mean) + OUTPUT_PENALTY * mean(f^2)
+ 0.5 * WEIGHT_DECAY * sum of the squared weight matrices; torch.optim.SGD(lr=0.1, momentum=0.9).

    features.{j}.fc{i}.weight = params['f{j}.W{i}'].T    features.{j}.fc{i}.bias = params['f{j}.b{i}']
    bias = params['bias']
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT_PENALTY = 0.05
WEIGHT_DECAY = 1e-3


class FeatureNet(nn.Module):
    def __init__(self, hidden=(8, 8)):
        super().__init__()
        self.fc1 = nn.Linear(1, hidden[0])
        self.fc2 = nn.Linear(hidden[0], hidden[1])
        self.fc3 = nn.Linear(hidden[1], 1)

    def forward(self, x):
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


class NAMClassifier(nn.Module):
    def __init__(self, n_features=3, hidden=(8, 8)):
        super().__init__()
        self.features = nn.ModuleList([FeatureNet(hidden) for _ in range(n_features)])
        self.bias = nn.Parameter(torch.zeros(1))
        masks = np.load(os.path.join(HERE, "cls_masks.npz"))["masks"]
        self.register_buffer("masks", torch.from_numpy(masks))
        self.t = 0

    def forward(self, X):
        keep = self.masks[self.t % self.masks.shape[0]]
        X = X * keep
        f = torch.cat([net(X[:, j:j + 1]) for j, net in enumerate(self.features)], dim=1)
        return f.sum(dim=1) + self.bias, f


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logit, f = model(X)
    l2 = sum(p.pow(2).sum() for name, p in model.named_parameters() if name.endswith("weight"))
    loss = (F.binary_cross_entropy_with_logits(logit, y) + OUTPUT_PENALTY * f.pow(2).mean()
            + 0.5 * WEIGHT_DECAY * l2)
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.item()
