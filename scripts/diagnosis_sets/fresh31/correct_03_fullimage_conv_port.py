"""PyTorch port of the NumPy digits network, written as a 'fully convolutional' net: the hidden
layer is a convolution whose kernel covers the whole 8x8 image (the weights of an nn.Linear(64,
16) viewed as 16 kernels of 1x8x8, applied with F.conv2d), which is the same as the dense layer;
tanh; then the class scores from an nn.Linear. Logits out; the loss is the negative
log-likelihood of the one-hot targets under torch.distributions.Categorical."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, hidden=16, classes=3):
        super().__init__()
        self.fc1 = nn.Linear(64, hidden)
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, x):
        images = x.reshape(-1, 1, 8, 8)
        kernels = self.fc1.weight.view(-1, 1, 8, 8)
        h = torch.tanh(F.conv2d(images, kernels, self.fc1.bias)).flatten(1)   # (n, 16, 1, 1) -> (n, 16)
        return self.fc2(h)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    dist = torch.distributions.Categorical(logits=model(X))
    loss = -dist.log_prob(y.argmax(dim=1)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
