"""PyTorch port of sphere_numpy.py: SphereFace (A-Softmax, m = 4) with normalised features and
weights, scale s and the lambda annealing of AngleLoss.

Parameters, with the NumPy names:
    fc1.weight (20, 8) = layers[0]['W']   fc1.bias (20,) = layers[0]['b']
    prelu.weight (1,)  = a
    fc2.weight (6, 20) = layers[1]['W']   fc2.bias (6,)  = layers[1]['b']
    head.weight (6, 6) = Wc
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class AngleLinear(nn.Module):
    def __init__(self, in_features, out_features, m=4, s=6.0):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(out_features, in_features))
        self.m, self.s = m, s
        self.mlambda = lambda x: 8 * x ** 4 - 8 * x ** 2 + 1      # cos(4 theta)

    def forward(self, x):
        cos_theta = F.linear(F.normalize(x), F.normalize(self.weight))
        theta = cos_theta.detach().clamp(-1, 1).acos()
        k = (self.m * theta / math.pi).floor()
        phi_theta = (-1.0) ** k * self.mlambda(cos_theta) - 2 * k
        return cos_theta, phi_theta


class SphereFaceNet(nn.Module):
    def __init__(self, n_in=8, hidden=20, embed=6, classes=6, s=6.0, m=4,
                 lam_max=20.0, lam_min=2.0, gamma=0.1):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.prelu = nn.PReLU()
        self.fc2 = nn.Linear(hidden, embed)
        self.head = AngleLinear(embed, classes, m=m, s=s)
        self.s = s
        self.lam_max, self.lam_min, self.gamma = lam_max, lam_min, gamma
        self.it = 0

    def forward(self, x, target):
        cos_theta, phi_theta = self.head(self.fc2(self.prelu(self.fc1(x))))
        if self.training:
            self.it += 1
        lamb = max(self.lam_min, self.lam_max / (1 + self.gamma * self.it))
        index = F.one_hot(target, cos_theta.shape[1]).bool()
        output = cos_theta.clone()
        output[index] = (lamb * cos_theta[index] + phi_theta[index]) / (1 + lamb)
        return self.s * output


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=8, gamma=0.5)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X, y), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
