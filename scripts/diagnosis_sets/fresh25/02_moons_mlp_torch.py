"""PyTorch version of the micrograd moons demo (02_moons_mlp_numpy.py): MLP(2, [16, 16, 1]) as
nn.Linear layers with ReLU between them, the SVM max-margin loss on -1/+1 labels plus the 1e-4 L2
term, SGD with the learning rate set to 1.0 - 0.9 * k / 100 before each step."""

import torch
import torch.nn.functional as F
from torch import nn

ALPHA = 1e-4


class MoonsMLP(nn.Module):
    def __init__(self, nin=2, nouts=(16, 16, 1)):
        super().__init__()
        sz = [nin] + list(nouts)
        self.layers = nn.ModuleList([nn.Linear(sz[i], sz[i + 1]) for i in range(len(nouts))])
        self.k = 0

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i != len(self.layers) - 1:
                x = F.relu(x)
        return x


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=1.0)


def train_step(model, optimizer, X, y):
    yb = 2 * y - 1
    scores = model(X)
    data_loss = F.hinge_embedding_loss(scores, yb)   # BUG: data_loss = F.relu(1 - yb * scores).mean()
    reg_loss = ALPHA * sum((p * p).sum() for p in model.parameters())
    total_loss = data_loss + reg_loss

    optimizer.zero_grad()
    total_loss.backward()
    for group in optimizer.param_groups:
        group["lr"] = 1.0 - 0.9 * model.k / 100
    optimizer.step()
    model.k += 1
    return total_loss.item()
