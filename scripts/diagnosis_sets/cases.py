"""Held-out cases for the diagnosis: one planted bug per program (port_bugs/, numpy_bugs/)
and correct programs that must pass (correct/).

Each case:
    id          short name
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, not from the kit's output; () for correct

Written without reading the kit's diagnosis rules.
"""

P = "scripts/diagnosis_sets/port_bugs/"
N = "scripts/diagnosis_sets/numpy_bugs/"
C = "scripts/diagnosis_sets/correct/"

STEP = ["--torch-step", "train_step(model, optimizer, X, y)"]


def port(file, name="Net", *extra, step=True):
    """A port checked alone against the kit's NumPy network."""
    return ["--torch", f"{P}{file}:{name}", *(STEP if step else []), *extra]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="P01_optimizer_missing_layer", side="port",
         args=port("01_optimizer_missing_layer.py", "Net", "--torch-optimizer", "make_optimizer(model, lr)",
                   "--data", "random:32,4", "--lr", "0.5"),
         mechanism="the output layer's parameters were never given to the optimizer: fc3 is not updated",
         expected=("no-update", "no update", "not updated", "never updated", "never ran", "left out",
                   "not in the optimizer", "unchanged", "changed no")),
    dict(id="P02_requires_grad_false", side="port",
         args=port("02_requires_grad_false.py", "Net", "--data", "random:32,4", "--hidden-activation", "tanh",
                   "--loss", "bce", "--lr", "0.5"),
         mechanism="hidden.weight.requires_grad = False: the hidden weight gets no gradient and never moves",
         expected=("requires_grad", "no gradient", "no-update", "no update", "not updated", "never updated",
                   "frozen", "changed no", "no grad")),
    dict(id="P03_detach_in_forward", side="port",
         args=port("03_detach_in_forward.py", "Net", "--data", "random:32,4", "--lr", "0.5"),
         mechanism=".detach() on the hidden activations in forward: no gradient reaches the first layer",
         expected=("detach", "no gradient", "no-update", "no update", "not updated", "never updated",
                   "changed no", "no grad")),
    dict(id="P04_weight_decay_left_on", side="port",
         args=port("04_weight_decay_left_on.py", "Net", "--torch-optimizer", "make_optimizer(model, lr)",
                   "--data", "random:32,4", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="SGD(weight_decay=5e-4) in the port; the NumPy network has no weight decay",
         expected=("decay", "l2", "regularis", "regulariz", "proportional to the parameter")),
    dict(id="P05_scheduler_each_step", side="port",
         args=[f"{P}reference_numpy.py:SigmoidMLP", "--torch", f"{P}05_scheduler_each_step.py:Net",
               "--as-written", "--data", "random:32,4"],
         mechanism="StepLR(step_size=10, gamma=0.1) meant per epoch stepped every batch: lr / 10 from step 11",
         expected=("schedul", "learning rate", "learning-rate", "decay")),
    dict(id="P06_adam_amsgrad", side="port",
         args=port("06_adam_amsgrad.py", "Net", "--torch-optimizer", "make_optimizer(model, lr)",
                   "--data", "random:32,4", "--loss", "bce", "--optimizer", "adam", "--betas", "0.9,0.99",
                   "--lr", "0.05"),
         mechanism="Adam(amsgrad=True) in the port; the NumPy network runs plain Adam",
         expected=("amsgrad", "maximum", "max of")),
    dict(id="P07_nesterov", side="port",
         args=port("07_nesterov.py", "Net", "--torch-optimizer", "make_optimizer(model, lr)",
                   "--data", "random:32,4", "--loss", "mse", "--optimizer", "momentum", "--momentum", "0.9",
                   "--lr", "0.5"),
         mechanism="SGD(nesterov=True) where the NumPy network uses plain heavy-ball momentum",
         expected=("nesterov",)),
    dict(id="P08_dropout_train_mode", side="port",
         args=port("08_dropout_train_mode.py", "Net", "--data", "random:32,4", "--lr", "0.5"),
         mechanism="nn.Dropout(0.2) active in train mode; the NumPy network has no dropout",
         expected=("dropout", "random", "unseeded")),
    dict(id="P09_softmax_twice", side="port",
         args=port("09_softmax_twice.py", "Classifier", "--data", "random:48,5,3", "--hidden-activation", "relu",
                   "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="forward returns softmax probabilities and F.cross_entropy applies log_softmax again",
         expected=("twice", "double", "softmax of", "softmax applied", "already")),
    dict(id="P10_target_broadcast", side="port",
         args=port("10_target_broadcast.py", "Net", "--data", "random:32,4", "--loss", "mse", "--lr", "0.5"),
         mechanism="target flattened to (n,) against an (n, 1) output: the loss broadcasts to (n, n)",
         expected=("broadcast", "(n,)", "shape")),
    dict(id="P11_missing_zero_grad", side="port",
         args=port("11_missing_zero_grad.py", "Net", "--data", "random:32,4", "--lr", "0.5"),
         mechanism="no optimizer.zero_grad(): gradients accumulate over steps",
         expected=("zero_grad", "accumulat", "never reset", "not reset")),
    dict(id="P12_backward_twice", side="port",
         args=port("12_backward_twice.py", "Net", "--data", "random:32,4", "--lr", "0.2"),
         mechanism="loss.backward(retain_graph=True) then loss.backward() again: every gradient doubled",
         expected=("twice", "doubl", "accumulat", "2 times", "two times", "factor 2", "factor of 2")),
    dict(id="P13_clip_grad_norm", side="port",
         args=port("13_clip_grad_norm.py", "Net", "--data", "random:32,4", "--lr", "0.5"),
         mechanism="clip_grad_norm_(max_norm=0.5) in the port; the NumPy network does not clip",
         expected=("clip",)),
    dict(id="P14_mseloss_for_sum", side="port",
         args=port("14_mseloss_for_sum.py", "Net", "--data", "random:32,4", "--lr", "0.5"),
         mechanism="nn.MSELoss() (mean) where the NumPy network sums the squared errors",
         expected=("mean", "mse", "reduc")),
    dict(id="P15_bias_false_one_layer", side="port",
         args=port("15_bias_false_one_layer.py", "Net", "--data", "random:32,4", "--lr", "0.5"),
         mechanism="nn.Linear(..., bias=False) in the output layer only; the NumPy network has b2",
         expected=("bias=false", "missing-bias", "no bias", "without a bias", "without bias", "no b2")),
    dict(id="P16_wrong_lr", side="port",
         args=port("16_wrong_lr.py", "Net", "--torch-optimizer", "make_optimizer(model)",
                   "--data", "random:32,4", "--lr", "0.5"),
         mechanism="the port's optimizer has lr=0.05 hard-coded where the NumPy network uses 0.5",
         expected=("learning rate", "learning-rate", "--lr", "update-scale")),
    dict(id="P17_adam_betas_swapped", side="port",
         args=port("17_adam_betas_swapped.py", "Net", "--torch-optimizer", "make_optimizer(model, lr)",
                   "--data", "random:32,4", "--loss", "bce", "--optimizer", "adam", "--lr", "0.05"),
         mechanism="Adam(betas=(0.999, 0.9)): the two betas swapped",
         expected=("swap", "beta")),
    dict(id="P18_half_missing", side="port",
         args=port("18_half_missing.py", "Net", "--data", "random:32,4", "--loss", "half-sse", "--lr", "0.5"),
         mechanism="the port sums squared errors where the NumPy network takes 0.5 * sum",
         expected=("half", "0.5", "factor 2", "factor of 2", "2 times", "twice")),
    dict(id="P19_label_smoothing", side="port",
         args=port("19_label_smoothing.py", "Classifier", "--data", "random:48,5,3", "--hidden-activation", "relu",
                   "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="nn.CrossEntropyLoss(label_smoothing=0.1): the port trains on smoothed targets",
         expected=("smooth", "label", "target")),
    dict(id="P20_transposed_square_weight", side="port",
         args=port("20_transposed_square_weight.py", "Net", "--torch-param", "W1=W1", "--torch-param", "b1=b1",
                   "--torch-param", "W2=W2", "--torch-param", "b2=b2", "--torch-param", "W3=W3",
                   "--torch-param", "b3=b3", "--data", "random:32,4", "--lr", "0.5"),
         mechanism="the square middle weight W2 (stored (in, out)) used transposed in forward",
         expected=("transpos",)),
]
