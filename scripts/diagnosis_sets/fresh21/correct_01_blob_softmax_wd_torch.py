"""PyTorch port of BlobSoftmaxWD (correct_01_blob_softmax_wd_numpy.py): two parameter groups, the
weights with weight_decay=WD and the biases without, SGD(momentum=MU); each train_step is one
epoch over the rows in the order drawn from the same seeded NumPy Generator."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

SEED = 23
LR = 0.1
MU = 0.9
WD = 1e-2
N_BATCHES = 3


class BlobSoftmaxWD(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 10)
        self.fc2 = nn.Linear(10, 3)
        self.shuffler = np.random.default_rng(SEED)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def make_optimizer(model):
    decay = [p for name, p in model.named_parameters() if name.endswith("weight")]
    no_decay = [p for name, p in model.named_parameters() if name.endswith("bias")]
    groups = [{"params": decay, "weight_decay": WD}, {"params": no_decay, "weight_decay": 0.0}]
    return torch.optim.SGD(groups, lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    order = torch.from_numpy(model.shuffler.permutation(len(X)))
    batches = torch.tensor_split(order, N_BATCHES)
    total = 0.0
    for idx in batches:
        optimizer.zero_grad()
        loss = F.cross_entropy(model(X[idx]), y[idx])
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / len(batches)
