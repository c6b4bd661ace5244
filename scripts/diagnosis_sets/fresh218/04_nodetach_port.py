"""PyTorch port of gram_numpy.py: Conv1d(3, 8, kernel_size=2) over time, ReLU, a linear
regression head on the time-averaged features of the content half of the batch (MSE), and a
Gram-matrix style penalty pulling each content sequence's channel Gram matrix towards the
(detached) mean Gram matrix of the style half. torch.optim.SGD(lr=0.02, momentum=0.9).

    conv.weight (8, 3, 2) = K.permute(2, 1, 0)   conv.bias (8,) = bK
    head.weight (2, 8)    = W.T                  head.bias (2,) = b
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

STYLE_WEIGHT = 2.0


def gram_matrix(feat):
    """feat (B, C, T) -> (B, C, C), normalised by the number of time steps."""
    return torch.bmm(feat, feat.transpose(1, 2)) / feat.shape[2]


class StyleNet(nn.Module):
    def __init__(self, c_in=3, channels=8, n_out=2):
        super().__init__()
        self.conv = nn.Conv1d(c_in, channels, kernel_size=2)
        self.head = nn.Linear(channels, n_out)

    def forward(self, x):                        # x (B, T, C)
        feat = F.relu(self.conv(x.transpose(1, 2)))   # (B, 8, T-1)
        return self.head(feat.mean(dim=2)), feat


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.02, momentum=0.9)


def train_step(model, optimizer, X, y):
    ns = X.shape[0] // 2
    optimizer.zero_grad()
    pred, feat = model(X)
    target_gram = gram_matrix(feat[ns:]).mean(dim=0)
    style = (gram_matrix(feat[:ns]) - target_gram).pow(2).mean()
    loss = F.mse_loss(pred[:ns], y[:ns]) + STYLE_WEIGHT * style
    loss.backward()
    optimizer.step()
    return loss.item()
