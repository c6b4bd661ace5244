"""Port of a 3-class classifier (two ReLU hidden layers, 12 and 8 wide, softmax cross-entropy,
SGD with momentum). train_step was copied from the author's GPU training script and still
wraps the forward pass and the loss in torch.autocast with bfloat16: the linear layers run in
bfloat16 (8 bits of mantissa) where the NumPy network computes in float32."""

import torch
import torch.nn.functional as F
from torch import nn


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(6, 12), nn.ReLU(),
            nn.Linear(12, 8), nn.ReLU(),
            nn.Linear(8, 3),
        )

    def forward(self, x):
        return self.layers(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    with torch.autocast(device_type=X.device.type, dtype=torch.bfloat16):   # BUG: no mixed precision here: torch.autocast(device_type=X.device.type, enabled=False)
        logits = model(X)
        loss = F.cross_entropy(logits, y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
