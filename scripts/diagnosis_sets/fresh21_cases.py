"""Twenty-first fresh held-out set for the diagnosis: one planted bug per program in fresh21/
(eight PyTorch ports, seven of them checked against a NumPy program of their own and one against
the kit's NumPy network; eight NumPy programs, seven of them checked against a correct port of
their own and one against the kit's torch twin) and three correct programs in unusual styles.
The theme is pairs: a user's own NumPy network and the user's own port of it, both run as
written, of the ordinary networks people port (MLP classifiers and regressors of two or three
layers, small autoencoders, softmax classifiers with momentum or weight decay, epochs of
shuffled mini-batches with their own seeded shuffling; fresh21/make_data.py writes the data).
The bugs are spread over the data preparation and the batching, the forward pass, the loss and
its reduction, the hand-written backward pass, the optimizer and its state, and the schedule.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh21_cases

Each case:
    id          short name (prefixed Z)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py), fresh/, fresh2/, ..., fresh20/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh21/"
port, numpy_net = in_folder(F)

BLOBS = F + "blobs.npz"
WAVE = F + "wave.npz"
COUNTS = F + "counts.npz"
SENSORS = F + "sensors.npz"
PRICES = F + "prices.npz"
OUTLIERS = F + "outliers.npz"
IMBALANCED = F + "imbalanced.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written", *extra]


AUTOENCODER_PARAMS = ("--param", "W_enc=encoder.weight.T", "--param", "b_enc=encoder.bias",
                      "--param", "W_dec=decoder.weight.T", "--param", "b_dec=decoder.bias")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="Z01_blob_classifier_pair", side="port",
         args=pair("01_blob_classifier_numpy.py", "BlobClassifier", "01_blob_classifier_torch.py", "BlobClassifier",
                   "--step", "net.train_epoch(X, y)", "--data", BLOBS),
         mechanism="pair: the port cuts each epoch's shuffled row order with torch.split(order, N_BATCHES), whose "
                   "second argument is the size of each chunk, where the NumPy program's np.array_split(order, "
                   "N_BATCHES) takes the number of sections (torch.tensor_split meant): the port makes 12 updates "
                   "on mini-batches of 4 rows per epoch instead of 4 updates on mini-batches of 12 rows",
         expected=("torch.split", "tensor_split", "array_split", "split_size", "chunk size", "size of each chunk",
                   "number of sections", "number of chunks", "sections", "batch size", "mini-batch",
                   "12 updates", "4 rows", "12 rows", "batches of 4", "more updates", "number of updates")),
    dict(id="Z02_wave_regressor_pair", side="port",
         args=pair("02_wave_regressor_numpy.py", "WaveRegressor", "02_wave_regressor_torch.py", "WaveRegressor",
                   "--data", WAVE),
         mechanism="pair: the NumPy program's inverse-time decay LR0 / (1 + DECAY t) counts its iterations from "
                   "t = 1 (the counter is incremented before the rate is computed), but the port's LambdaLR lambda "
                   "is called with 0, 1, 2, ... (its step count before each update), so every port step uses the "
                   "previous iteration's rate: LR0 instead of LR0 / 1.05 on step 1, one step behind ever after",
         expected=("off-by-one", "off by one", "one step behind", "one step late", "lags", "lambdalr",
                   "t + 1", "t+1", "starts at 0", "starts from 0", "counter", "schedule", "inverse-time",
                   "1 / (1 + ", "decay", "learning rate", "1.05", "previous step's rate")),
    dict(id="Z03_blob_mlp_pair", side="port",
         args=pair("03_blob_mlp_numpy.py", "BlobMLP", "03_blob_mlp_torch.py", "BlobMLP", "--data", BLOBS),
         mechanism="pair: the port builds torch.optim.RMSprop(lr=LR, eps=EPS) without alpha, so the squared-gradient "
                   "average decays with torch's default alpha = 0.99 where the NumPy program's RMSprop uses "
                   "RHO = 0.9: the first average is 0.01 g^2 instead of 0.1 g^2 and the first step sqrt(10) = 3.16 "
                   "times the NumPy program's",
         expected=("rmsprop", "alpha", "0.99", "rho", "0.9", "decay rate", "smoothing constant", "default",
                   "square_avg", "squared gradient", "running average", "moving average", "second moment",
                   "sqrt(10)", "3.16", "denominator")),
    dict(id="Z04_sensor_autoencoder_pair", side="port",
         args=pair("04_sensor_autoencoder_numpy.py", "SensorAutoencoder", "04_sensor_autoencoder_torch.py",
                   "SensorAutoencoder", "--torch-init", "model = SensorAutoencoder(X)", "--data", SENSORS,
                   *AUTOENCODER_PARAMS),
         mechanism="pair: the denoising autoencoder's port scores its reconstruction against the corrupted input, "
                   "F.mse_loss(model(X_noisy), X_noisy), instead of the clean readings X: the masked quarter of "
                   "the readings is trained towards 0 (the network learns to reproduce the corruption) while the "
                   "NumPy program reconstructs X",
         expected=("noisy", "corrupted", "corruption", "masked", "mask", "clean", "target", "x_noisy",
                   "reconstruct", "reconstruction", "denoising", "wrong target", "input instead",
                   "towards 0", "towards zero")),
    dict(id="Z05_count_regressor_pair", side="port",
         args=pair("05_count_regressor_numpy.py", "CountRegressor", "05_count_regressor_torch.py", "CountRegressor",
                   "--data", COUNTS),
         mechanism="pair: the port's forward transforms the counts with torch.log(counts) where the NumPy program "
                   "uses np.log1p(X) = log(1 + x): every input feature is log(x) instead of log(1 + x), smaller by "
                   "log(1 + 1/x) (log 2 = 0.69 for a count of 1), so the first layer sees different inputs",
         expected=("log1p", "log(1 + x)", "log(1+x)", "log 1p", "torch.log(", "log(x)", "log instead",
                   "log transform", "log-transform", "feature transform", "input transform", "inputs",
                   "features", "log(1 + 1/x)", "preprocessing", "pre-processing")),
    dict(id="Z06_deep_binary_classifier_pair", side="port",
         args=pair("06_deep_binary_classifier_numpy.py", "DeepBinaryClassifier", "06_deep_binary_classifier_torch.py",
                   "DeepBinaryClassifier", "--data", "random:40,6"),
         mechanism="pair: the port's hidden activation is nn.LeakyReLU() with torch's default negative_slope = "
                   "0.01 where the NumPy program's leaky ReLU has ALPHA = 0.2: in both hidden layers negative "
                   "pre-activations are scaled by 0.01 instead of 0.2 (and their derivative is 0.01 instead of 0.2)",
         expected=("leaky", "leakyrelu", "leaky_relu", "negative_slope", "negative slope", "slope", "0.01", "0.2",
                   "alpha", "default", "negative pre-activations", "negative inputs", "negative part",
                   "activation")),
    dict(id="Z07_imbalanced_classifier_pair", side="port",
         args=pair("07_imbalanced_classifier_numpy.py", "WeightedSoftmaxNet", "07_imbalanced_classifier_torch.py",
                   "WeightedSoftmaxNet", "--data", IMBALANCED,
                   "--param", "W1=fc1.weight.T", "--param", "b1=fc1.bias",
                   "--param", "W2=fc2.weight.T", "--param", "b2=fc2.bias"),
         mechanism="pair: F.cross_entropy(..., weight=class_weights) with reduction='mean' divides the weighted sum "
                   "by the sum of the rows' class weights (sum_i w[y_i] = 70 here), not by the number of rows "
                   "(40) as the NumPy program's weighted cross-entropy does: every gradient is 40/70 = 0.57 times "
                   "the NumPy program's (reduction='sum' / len(X) meant)",
         expected=("weight=", "class weight", "class_weights", "weighted mean", "sum of the weights",
                   "sum of weights", "sum of the class weights", "normalis", "normaliz", "reduction",
                   "batchmean", "number of rows", "divided by", "40/70", "0.57", "weighted cross-entropy")),
    dict(id="Z08_softmax_net", side="port",
         args=port("08_softmax_net.py", "Net", "--data", "random:48,5,3", "--hidden-activation", "tanh",
                   "--output-activation", "softmax", "--loss", "ce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.3"),
         mechanism="the cross-entropy written as F.kl_div(log_softmax(z), y) with reduction='mean', which averages "
                   "over every element (rows x 3 classes), where reduction='batchmean' (the sum over the classes "
                   "averaged over the rows) is the mean cross-entropy: the loss and every gradient are 1/3 of the "
                   "kit's",
         expected=("kl_div", "kl div", "kullback", "batchmean", "reduction='mean'", 'reduction="mean"',
                   "reduction", "every element", "all elements", "number of classes", "1/3", "a third",
                   "one third", "factor 3", "factor of 3", "3 times", "divided by 3")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="Z09_surface_fit_pair", side="numpy",
         args=pair("09_surface_fit_numpy.py", "SurfaceFit", "09_surface_fit_torch.py", "SurfaceFit", "--data", WAVE),
         mechanism="pair: the ELU derivative helper returns the activation a = ALPHA (exp(z) - 1) for z <= 0 "
                   "where ALPHA exp(z) = a + ALPHA belongs (the + ALPHA forgotten): the derivative of negative "
                   "units is negative, in (-1, 0], instead of in (0, 1], in both hidden layers",
         expected=("elu", "derivative", "a + alpha", "a + 1", "alpha * exp(z)", "alpha exp(z)", "exp(z)",
                   "+ alpha", "missing alpha", "alpha missing", "forgot", "negative units", "negative inputs",
                   "z <= 0", "z < 0", "negative derivative", "elu_grad")),
    dict(id="Z10_house_prices_pair", side="numpy",
         args=pair("10_house_prices_numpy.py", "PriceModel", "10_house_prices_torch.py", "PriceModel",
                   "--torch-init", "model = PriceModel(y)", "--data", PRICES),
         mechanism="pair: the NumPy program standardises the prices into y_scaled = (y - mean) / std but its error "
                   "is computed against the raw prices, pred - y, instead of pred - y_scaled: the network that "
                   "predicts standardised prices is trained towards prices around 4.9 (in $100k), unscaled",
         expected=("y_scaled", "standardis", "standardiz", "scaled target", "raw target", "raw price",
                   "unscaled", "not scaled", "instead of the scaled", "mean and standard deviation", "y_mean",
                   "y_std", "target scaling", "normalised target", "normalized target", "pred - y")),
    dict(id="Z11_blob_softmax_pair", side="numpy",
         args=pair("11_blob_softmax_numpy.py", "BlobSoftmax", "11_blob_softmax_torch.py", "BlobSoftmax",
                   "--data", BLOBS, "--batch-size", "12"),
         mechanism="pair: the cosine annealing of the learning rate is typed cos(t / T_MAX) without the pi, "
                   "lr = LR_MIN + (LR0 - LR_MIN)(1 + cos(t / 40)) / 2 instead of (1 + cos(pi t / 40)) / 2: the "
                   "rate decays far slower than the port's CosineAnnealingLR (equal on step 1)",
         expected=("cosine", "cos(", "pi", "π", "annealing", "cosineannealinglr", "schedule", "learning rate",
                   "decays slower", "slower", "t / t_max", "t_max", "missing pi", "without pi", "sgdr")),
    dict(id="Z12_robust_line_pair", side="numpy",
         args=pair("12_robust_line_numpy.py", "RobustLine", "12_robust_line_torch.py", "RobustLine",
                   "--data", OUTLIERS),
         mechanism="pair: the Huber loss's gradient is written DELTA * sign(r) for every residual, the linear "
                   "branch's derivative, instead of clip(r, -DELTA, DELTA): residuals below DELTA, which belong to "
                   "the quadratic branch (derivative r), get a full +-DELTA",
         expected=("huber", "sign(r)", "sign", "clip(r", "clip", "quadratic", "linear branch", "linear region",
                   "small residuals", "below delta", "|r| <= delta", "delta * sign", "derivative", "gradient of the",
                   "smooth")),
    dict(id="Z13_sensor_codec_pair", side="numpy",
         args=pair("13_sensor_codec_numpy.py", "SensorCodec", "13_sensor_codec_torch.py", "SensorCodec",
                   "--data", SENSORS, *AUTOENCODER_PARAMS),
         mechanism="pair: the autoencoder's backward pass sends the reconstruction error to the code through the "
                   "encoder's weight, d_out @ W_enc (shape (8, 3), as if the weights were tied), instead of the "
                   "decoder's, d_out @ W_dec.T: the encoder's gradients (W_enc, b_enc) are wrong, the decoder's right",
         expected=("w_enc", "w_dec", "encoder", "decoder", "tied", "transpose", "wrong weight",
                   "back-propagat", "backpropagat", "d_code", "code layer", "d_out @", "w_dec.t")),
    dict(id="Z14_shuffled_binary_pair", side="numpy",
         args=pair("14_shuffled_binary_numpy.py", "ShuffledBinaryNet", "14_shuffled_binary_torch.py",
                   "ShuffledBinaryNet", "--step", "net.train_epoch(X, y)", "--data", "random:40,5"),
         mechanism="pair: the mini-batch slice is order[i:i + BATCH] with i the batch number, instead of "
                   "order[i * BATCH:(i + 1) * BATCH]: the five batches of an epoch overlap, each shifted by one row "
                   "from the last, so the epoch trains on rows 0..11 of the order only and most rows repeatedly",
         expected=("i * batch", "i*batch", "(i + 1) * batch", "order[i:i", "slice", "overlap", "overlapping",
                   "shifted by one", "batch index", "batch number", "offset", "same rows", "repeated",
                   "rows never", "never visited", "mini-batch", "indexing")),
    dict(id="Z15_blob_relu_net_pair", side="numpy",
         args=pair("15_blob_relu_net_numpy.py", "BlobReluNet", "15_blob_relu_net_torch.py", "BlobReluNet",
                   "--data", BLOBS),
         mechanism="pair: AdaGrad's accumulator is assigned, cache = g^2, instead of accumulated, cache += g^2: "
                   "the denominator is |g| of the current step alone, every step LR * sign(g) (equal on step 1), "
                   "where torch's Adagrad divides by the root of the sum of all past squared gradients",
         expected=("adagrad", "accumulat", "+=", "assigned", "running sum", "sum of squared", "sum of the squared",
                   "past squared gradients", "cache", "state_sum", "sign(g)", "|g|", "no memory", "overwritten",
                   "reset", "instead of accumulating")),
    dict(id="Z16_layer_list_net", side="numpy",
         args=numpy_net("16_layer_list_net.py", "LayerListNet", "--step", "net.train_step(X, y)",
                        "--data", "random:40,5", "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="the backward loop runs for i in range(len(self.weights) - 1, 0, -1): the stop value 0 is "
                   "excluded, so the first layer (i = 0) gets no gradient and W1 and b1 are never updated "
                   "(range(..., -1, -1) meant)",
         expected=("range(", "stop", "-1, -1", "off-by-one", "off by one", "first layer", "layer 0", "index 0",
                   "w1", "b1", "never updated", "not updated", "no update", "no gradient", "skipped",
                   "excluded", "loop bound")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="Z17_correct_blob_softmax_wd_pair", side="correct",
         args=pair("correct_01_blob_softmax_wd_numpy.py", "BlobSoftmaxWD", "correct_01_blob_softmax_wd_torch.py",
                   "BlobSoftmaxWD", "--step", "net.train_epoch(X, y)", "--data", BLOBS),
         mechanism="pair: NumPy parameters in one dict, forward and backward through np.einsum, ReLU as "
                   "z * (z > 0), L2 weight decay on the weight matrices only, heavy-ball buffers updated with "
                   "np.multiply(..., out=), epochs of seeded shuffled np.array_split mini-batches; against two "
                   "torch parameter groups (weight_decay on the weights only), SGD(momentum) and tensor_split",
         expected=()),
    dict(id="Z18_correct_binary_port", side="correct",
         args=port("correct_02_binary_port.py", "Net", "--data", "random:40,6", "--hidden-activation", "relu",
                   "--loss", "bce", "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="port: ReLU as F.threshold(z, 0, 0), the logit out of forward, the loss the mean negative "
                   "log-likelihood -Bernoulli(logits=z).log_prob(y).mean() from torch.distributions (the mean BCE "
                   "with logits), zero_grad(set_to_none=True); the kit's Nesterov",
         expected=()),
    dict(id="Z19_correct_robust_regressor_pair", side="correct",
         args=pair("correct_03_robust_regressor_numpy.py", "HuberNet", "correct_03_robust_regressor_torch.py",
                   "HuberNet", "--data", OUTLIERS),
         mechanism="pair: the Huber loss with DELTA = 2 (NumPy: np.where forward, np.clip gradient, Nesterov in "
                   "torch's form with the buffers in a dict) ported as DELTA * F.smooth_l1_loss(pred, y, "
                   "beta=DELTA), which is exactly the Huber loss, with SGD(momentum, nesterov=True)",
         expected=()),
]
